from django.contrib import admin

from livinglab.reviews.models import Assignment, Expertise, GateAnswer, ReviewSummary, Score


@admin.register(Expertise)
class ExpertiseAdmin(admin.ModelAdmin):
    list_display = ["reviewer", "domain"]
    list_filter = ["domain"]


class ScoreInline(admin.TabularInline):
    model = Score
    extra = 0
    readonly_fields = ["factor", "value", "comment"]


class GateAnswerInline(admin.TabularInline):
    model = GateAnswer
    extra = 0
    readonly_fields = ["gate", "answer", "reason"]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    """Read-only: reviews change through the review pages, where the rules are kept."""

    list_display = [
        "proposal",
        "reviewer",
        "assigned_at",
        "declared_at",
        "conflict",
        "submitted_at",
    ]
    list_filter = ["conflict"]
    inlines = [GateAnswerInline, ScoreInline]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(ReviewSummary)
class ReviewSummaryAdmin(admin.ModelAdmin):
    list_display = ["proposal", "call", "submitted", "assigned", "score", "spread", "disagreement"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
