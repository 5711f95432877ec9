from django.contrib import admin

from livinglab.sites.models import Booking, Capability, FieldSite


@admin.register(Capability)
class CapabilityAdmin(admin.ModelAdmin):
    list_display = ["key", "name", "name_en", "order"]
    search_fields = ["key", "name", "name_en"]


@admin.register(FieldSite)
class FieldSiteAdmin(admin.ModelAdmin):
    list_display = ["name", "agency", "capacity", "is_public"]
    list_filter = ["is_public", "capabilities"]
    search_fields = ["name", "address", "agency__name"]
    autocomplete_fields = ["agency"]
    filter_horizontal = ["capabilities"]


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ["label", "site", "starts_on", "ends_on", "reference", "cancelled_at"]
    list_filter = ["site"]
    search_fields = ["label", "reference", "site__name"]
    # Bookings go through sites.services.book, which checks the site's capacity.
    readonly_fields = ["site", "starts_on", "ends_on", "created_by", "cancelled_by"]

    def has_add_permission(self, request):
        return False
