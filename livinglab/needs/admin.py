from django.contrib import admin

from livinglab.needs.models import Call, Domain, Factor, Gate, Need


@admin.register(Domain)
class DomainAdmin(admin.ModelAdmin):
    list_display = ["key", "name", "name_en", "is_priority_tag", "order"]
    list_editable = ["order"]
    search_fields = ["key", "name", "name_en"]


@admin.register(Need)
class NeedAdmin(admin.ModelAdmin):
    list_display = ["title", "agency", "domain", "status", "published_at"]
    list_filter = ["status", "domain"]
    search_fields = ["title", "agency__name"]
    autocomplete_fields = ["agency"]
    filter_horizontal = ["tags"]
    readonly_fields = ["created_by", "created_at", "updated_at"]


class GateInline(admin.TabularInline):
    model = Gate
    extra = 0


class FactorInline(admin.TabularInline):
    model = Factor
    extra = 0


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    list_display = ["title", "body", "opens_at", "closes_at", "is_published"]
    list_filter = ["is_published", "body"]
    search_fields = ["title"]
    autocomplete_fields = ["body", "needs", "reviewers"]
    inlines = [GateInline, FactorInline]
