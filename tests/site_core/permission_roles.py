"""The roles the permission matrix checks, in order: anonymous, editor, moderator,
complaint coordinator, officer of unit A, outreach staff; and the usual rows of answers."""

from .permission_matrix import DENIED, LOGIN, METHOD, MISSING, OK


def roles(anonymous, editor, moderator, coordinator, officer_a, outreach_staff):
    return {
        "anonymous": anonymous,
        "editor": editor,
        "moderator": moderator,
        "coordinator": coordinator,
        "officer_a": officer_a,
        "outreach_staff": outreach_staff,
    }


PUBLIC = roles(OK, OK, OK, OK, OK, OK)
ANY_STAFF = roles(LOGIN, OK, OK, OK, OK, OK)
NO_STAFF_ROLE = roles(LOGIN, DENIED, DENIED, DENIED, DENIED, DENIED)  # admins only
NOT_FOUND_FOR_STAFF = roles(LOGIN, MISSING, MISSING, MISSING, MISSING, MISSING)
POST_ONLY_FOR_STAFF = roles(LOGIN, METHOD, METHOD, METHOD, METHOD, METHOD)
POST_ONLY = roles(METHOD, METHOD, METHOD, METHOD, METHOD, METHOD)
NOT_FOUND = roles(MISSING, MISSING, MISSING, MISSING, MISSING, MISSING)
PAGE_EDITORS = roles(LOGIN, OK, OK, DENIED, DENIED, DENIED)
MODERATORS = roles(LOGIN, DENIED, OK, DENIED, DENIED, DENIED)
COORDINATORS = roles(LOGIN, DENIED, DENIED, OK, DENIED, DENIED)
OUTREACH_STAFF = roles(LOGIN, DENIED, DENIED, DENIED, DENIED, OK)  # personal data
REPORT_OF_UNIT_B = roles(LOGIN, MISSING, MISSING, OK, MISSING, MISSING)  # 404 hides it
COMPLAINT_STAFF = roles(LOGIN, DENIED, DENIED, OK, OK, DENIED)
