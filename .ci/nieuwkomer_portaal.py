"""A demo citizen logs in through the DigiD simulator and opens Mijn zaken.

Plain HTTP with a cookie jar, as a browser without JavaScript would: the
login form's CSRF token, the BSN, the redirect, the page.
"""

import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request

BSN = "999993653"  # Suzanne Moulin, a demo resident with cases


def main(base: str) -> None:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login = f"{base}/pip/inloggen/digid/?next=/pip/zaken/"
    page = opener.open(login, timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if token is None:
        sys.exit("FAIL: the DigiD simulator page has no login form")
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1), "bsn": BSN}).encode()
    request = urllib.request.Request(login, data=data, headers={"Referer": login})  # noqa: S310
    response = opener.open(request, timeout=30)
    body = response.read().decode()
    if not response.url.endswith("/pip/zaken/"):
        sys.exit(f"FAIL: after logging in the citizen landed on {response.url}")
    cases = sorted(set(re.findall(r"ZAAK-\d{4}-\d+", body)))
    if not cases:
        sys.exit("FAIL: Mijn zaken shows no case of the demo citizen")
    print(f"Mijn zaken of {BSN}: {len(cases)} cases, e.g. {cases[0]}")


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"))
