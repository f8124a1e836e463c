"""Sites of the platform (集约化).

    gongkai sites list
    gongkai sites create --credit-code CODE --host HOST [--name N] [--code C]
                         [--prefix P] [--parent CREDIT_CODE] [--invite USER:NAME[:EMAIL]]...
                         [--platform] [--default] [--template] [--dry-run]

``create`` makes the body when no body has that credit code, its site with the template
site's defaults, and its openness office accounts (their first passwords are printed once).
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.errors import ServiceError
from gongkai.core.models import Organisation
from gongkai.sites import services
from gongkai.sites.selectors import sites_all


class DryRun(Exception):
    pass


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("list", help=_("list the sites"))
        create = sub.add_parser("create", help=_("create a site (and its body)"))
        create.add_argument("--credit-code", required=True)
        create.add_argument("--host", required=True)
        create.add_argument("--name", default="")
        create.add_argument("--code", default="")
        create.add_argument("--prefix", default="")
        create.add_argument("--parent", default="", help=_("credit code of the superior body"))
        create.add_argument("--invite", action="append", default=[])
        create.add_argument("--platform", action="store_true")
        create.add_argument("--default", action="store_true")
        create.add_argument("--template", action="store_true")
        create.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options):
        if options["action"] == "list":
            for site in sites_all():
                self.stdout.write(f"{site.pk}\t{site.address}\t{site.name}\t{site.organisation}")
            return
        try:
            with transaction.atomic():
                created = self._create(options)
                if options["dry_run"]:
                    raise DryRun
        except DryRun:
            self.stdout.write(_("Dry run: nothing was saved."))
            return
        except ServiceError as error:
            raise CommandError(error.message) from None
        self.stdout.write(
            _("Created %(address)s for %(body)s.")
            % {"address": created.site.address, "body": created.organisation.name}
        )
        for username, password in created.passwords.items():
            self.stdout.write(f"{username}\t{password}")

    def _create(self, options) -> services.NewBodySite:
        credit_code = options["credit_code"].strip().upper()
        body = Organisation.objects.filter(credit_code=credit_code).first()
        if body is None and not (options["name"] and options["code"]):
            raise CommandError(_("No body has this credit code: give --name and --code."))
        parent = None
        if options["parent"]:
            parent = Organisation.objects.filter(credit_code=options["parent"].upper()).first()
            if parent is None:
                raise CommandError(_("No body has the superior's credit code."))
        invite = []
        for text in options["invite"]:
            parts = text.split(":")
            if len(parts) < 2:
                raise CommandError(_("Write each person as USER:FULL NAME[:E-MAIL]."))
            invite.append(
                services.Invitation(parts[0], parts[1], parts[2] if len(parts) > 2 else "")
            )
        return services.site_for_new_body(
            actor=None,
            name=options["name"] or (body.name if body else ""),
            code=options["code"],
            credit_code=credit_code,
            host=options["host"],
            path_prefix=options["prefix"],
            parent=parent,
            invite=invite,
            is_platform=options["platform"],
            is_default=options["default"],
            is_template=options["template"],
        )
