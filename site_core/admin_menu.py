"""Admin menu items shown only to users with one permission: the one class every app uses."""

from wagtail.admin.menu import MenuItem


class PermissionMenuItem(MenuItem):
    """A menu item for people who hold `permission` ("app_label.codename").

    Pass `permission=` when building the item, or set it on a subclass for a viewset's
    `menu_item_class` (Wagtail builds those items itself)."""

    permission = None

    def __init__(self, *args, permission=None, **kwargs):
        super().__init__(*args, **kwargs)
        if permission is not None:
            self.permission = permission
        if not self.permission:
            raise ValueError("PermissionMenuItem needs a permission.")

    def is_shown(self, request):
        return request.user.has_perm(self.permission)
