# The same fixtures as outreach's tests (staff of each role, publishing, absolute links).
from gongkai.outreach.tests.conftest import (  # noqa: F401
    body,
    handler,
    leader,
    office,
    public_url,
    publish,
    reviewer,
    search_in_tmp,
    unit,
)
