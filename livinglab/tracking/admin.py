from django.contrib import admin

from livinglab.tracking.models import Case, CaseAlias, CaseEvent, CaseLink, Decision


class CaseAliasInline(admin.TabularInline):
    model = CaseAlias
    fk_name = "case"
    extra = 0


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    # State fields are written by events only (tracking.services.lifecycle).
    list_display = ["title", "body", "state", "closure", "pending", "last_decided_on"]
    list_filter = ["state", "closure", "body"]
    search_fields = ["title", "aliases__name"]
    readonly_fields = ["state", "closure", "pending", "merged_into"]
    inlines = [CaseAliasInline]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["meeting", "position", "status", "deadline"]
    list_select_related = ["meeting"]
    search_fields = ["text"]


@admin.register(CaseLink)
class CaseLinkAdmin(admin.ModelAdmin):
    list_display = ["name", "case", "method", "confidence", "needs_review"]
    list_filter = ["needs_review", "method"]


@admin.register(CaseEvent)
class CaseEventAdmin(admin.ModelAdmin):
    list_display = ["case", "kind", "on", "actor", "at"]
    list_filter = ["kind"]
