from django.contrib import admin

from livinglab.proposals.models import (
    Attachment,
    JoinRequest,
    Proposal,
    ProposalEvent,
    ProposerOrganisation,
)


class EventInline(admin.TabularInline):
    model = ProposalEvent
    extra = 0
    fields = ["at", "kind", "status", "actor", "reason", "shown_to_proposer"]
    readonly_fields = fields
    can_delete = False


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ["filename", "content_type", "size", "uploaded_by", "uploaded_at"]
    readonly_fields = fields


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "call", "need", "status", "submitted_at"]
    list_filter = ["status", "call", "domain"]
    search_fields = ["title", "organisation__name"]
    autocomplete_fields = ["organisation", "submitted_by"]
    raw_id_fields = ["call", "need"]
    readonly_fields = ["status", "submitted_at", "created_at", "updated_at"]
    inlines = [AttachmentInline, EventInline]


@admin.register(ProposerOrganisation)
class ProposerOrganisationAdmin(admin.ModelAdmin):
    list_display = ["organisation", "kind", "created_by", "created_at"]
    list_filter = ["kind"]
    autocomplete_fields = ["organisation"]


@admin.register(JoinRequest)
class JoinRequestAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "status", "created_at", "decided_by"]
    list_filter = ["status"]
    autocomplete_fields = ["user", "organisation"]
