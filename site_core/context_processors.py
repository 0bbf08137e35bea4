from . import preferences


def display_preferences(request):
    prefs = preferences.parse(request.COOKIES.get(preferences.COOKIE_NAME))
    return {
        "display_prefs": prefs,
        "text_sizes": preferences.TEXT_SIZES,
    }
