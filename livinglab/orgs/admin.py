from django.contrib import admin

from livinglab.orgs.models import Membership, Organisation, OrganisationAlias


class AliasInline(admin.TabularInline):
    model = OrganisationAlias
    extra = 1


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "city"]
    list_filter = ["kind", "city"]
    search_fields = ["name", "short_name", "aliases__name"]
    autocomplete_fields = ["parent", "city"]
    inlines = [AliasInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "organisation", "body", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__username", "organisation__name", "body__name"]
    autocomplete_fields = ["user", "organisation", "body"]
