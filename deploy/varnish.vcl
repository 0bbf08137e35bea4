# Front cache for LAPOR! Banjarbaru (Varnish 7). The application says what may be shared
# (Cache-Control: public, s-maxage=...) and purges pages on publish, unpublish, move and
# delete (wagtail.contrib.frontend_cache's HTTP backend sends PURGE to this server).
vcl 4.1;

import std;
# Debian's varnish-modules: one process-wide variable, the time of the latest purge.
import var;

backend default {
    .host = "127.0.0.1";
    .port = "8001";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .probe = {
        .url = "/healthz";
        .interval = 5s;
        # Generous: under a burst (100 citizens submitting at once) /healthz waits in line
        # behind real requests, and a backend marked sick answers every pass with a 503.
        .timeout = 15s;
        .window = 5;
        .threshold = 3;
        .initial = 3;
    }
}

# Only the application servers may purge. Add the web nodes' addresses when there are several.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # A fetch of this address already under way (a background refresh of a page in
        # grace, or a first fetch) may bring the page as it was before the change and store
        # it again after this purge. Each purge leaves its own mark (this request's id) on
        # the address; vcl_backend_response keeps no response whose address was marked again
        # after its fetch began. One variable per address the application purges (its pages).
        var.global_set("purged " + req.url, req.xid);
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|healthz)") {
        return (pass);
    }
    # Staff with a session always reach the application.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Only the display preference (text size, contrast) changes an anonymous page: keep that
    # cookie and drop the rest (a CSRF cookie is set again by the pages with a form, which are
    # never cached). Pages then vary on the preference's value, not on every visitor's cookies.
    if (req.http.Cookie ~ "(^|;\s*)display=") {
        set req.http.Cookie = regsub(req.http.Cookie, {"^(?:.*;\s*)?(display=(?:"[^"]*"|[^;]*)).*$"}, "\1");
    } else {
        unset req.http.Cookie;
    }
    return (hash);
}

sub vcl_hash {
    # One site per cache: the address is the URL alone, so a purge sent with the site's
    # canonical host name reaches pages fetched through any name. The display preference
    # is not hashed: pages say `Vary: Cookie` (the Cookie header is down to that one
    # cookie by now), so each preference gets its variant under the same address and a
    # purge of the address removes every variant.
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_fetch {
    var.set("purge seen", "mark " + var.global_get("purged " + bereq.url));
}

sub vcl_backend_response {
    # Purged since this fetch began: maybe rendered before the change was committed. The
    # visitors waiting for it get it; nothing is stored, so the next request fetches the
    # page again. (A mark, not a time: no clock to compare, no rounding. Per address: the
    # purge of a page's parent, sent just after the page's own, keeps the page's fetch.)
    if (var.get("purge seen") != "mark " + var.global_get("purged " + bereq.url)) {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        set beresp.grace = 0s;
        return (deliver);
    }
    # Serve a stale page for an hour if the application is down or slow to answer.
    set beresp.grace = 1h;
    # The variants by display preference (see vcl_hash) need `Vary: Cookie` on every page.
    if (!beresp.http.Vary) {
        set beresp.http.Vary = "Cookie";
    } elsif (beresp.http.Vary !~ "(?i)(^|,)\s*Cookie\s*(,|$)") {
        set beresp.http.Vary = beresp.http.Vary + ", Cookie";
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
