from django.contrib import admin

from livinglab.meetings.models import Body


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["name", "parent", "secretariat", "is_public"]
    search_fields = ["name", "short_name"]
    autocomplete_fields = ["parent", "secretariat", "members"]
