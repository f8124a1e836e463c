"""Resolve the request's site first thing (集约化): its body, bodies, theme and footer."""

from __future__ import annotations

from django.core.exceptions import DisallowedHost
from django.http.request import split_domain_port
from django.urls import get_script_prefix, set_script_prefix

from gongkai.core.sitescope import site_scope_activate, site_scope_reset
from gongkai.sites.dbrouter import portal_read_mark, portal_read_reset, primary_pin
from gongkai.sites.selectors import site_resolve


class SiteMiddleware:
    """Activates the site's scope for the request; with no site for the host (and no
    default site) the installation serves its one body, as it always did.

    A site under a path prefix (www.example.gov.cn/gaj/) sees its pages at their usual
    paths: the prefix moves from ``path_info`` to the script prefix, so every address
    the site's pages reverse carries it again."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = portal_read_mark(request)  # anonymous reads may go to a read replica
        try:
            response = self._call(request)
        finally:
            portal_read_reset(token)
        primary_pin(request, response)  # a visitor's write: their next reads see it
        return response

    def _call(self, request):
        try:
            host, _port = split_domain_port(request.get_host())
        except DisallowedHost:
            return self.get_response(request)  # refused further in, as without sites
        resolved = site_resolve(host, request.path_info)
        if resolved is None:
            return self.get_response(request)
        request.site = resolved.site
        prefix = resolved.prefix
        old_prefix = get_script_prefix()
        moved = prefix and request.path_info.startswith(f"/{prefix}")
        if moved:
            request.path_info = request.path_info[len(prefix) + 1 :] or "/"
            set_script_prefix(f"{old_prefix.rstrip('/')}/{prefix}/")
        token = site_scope_activate(resolved.scope)
        try:
            return self.get_response(request)
        finally:
            site_scope_reset(token)
            if moved:
                set_script_prefix(old_prefix)
