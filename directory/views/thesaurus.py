"""Coordinators' pages of the search: the thesaurus (list, add, edit, delete) and the searches
that found nothing. Thin: ``directory.services.searches`` writes."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.permissions import coordinator_required

from ..models import TaxonomyTerm, ThesaurusEntry, ZeroResultSearch
from ..search.text import fold
from ..services.errors import DirectoryError
from ..services.searches import delete_entry, save_entry


class ThesaurusEntryForm(forms.ModelForm):
    terms = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Terms"),
        queryset=TaxonomyTerm.objects.select_related("taxonomy"),
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "A search for these words also finds the services with these terms."
        ),
    )

    class Meta:
        model = ThesaurusEntry
        fields = ["words", "language", "terms", "note", "is_active"]


@coordinator_required
def thesaurus_list(request):
    entries = ThesaurusEntry.objects.prefetch_related("terms").order_by("folded", "language")
    q = (request.GET.get("q") or "")[:100]
    if q:
        entries = entries.filter(folded__contains=fold(q))
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "directory/coordination/thesaurus.html", {"page": page, "q": q})


@coordinator_required
def thesaurus_edit(request, pk=None):
    entry = get_object_or_404(ThesaurusEntry, pk=pk) if pk else ThesaurusEntry()
    form = ThesaurusEntryForm(request.POST or None, instance=entry)
    if request.method == "POST" and "delete" in request.POST and entry.pk:
        delete_entry(entry)
        messages.success(request, _("The entry was deleted."))
        return redirect("directory:thesaurus")
    if request.method == "POST" and form.is_valid():
        try:
            save_entry(form.save(commit=False), form.cleaned_data["terms"])
        except DirectoryError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The thesaurus was saved; searches use it now."))
            return redirect("directory:thesaurus")
    return render(
        request, "directory/coordination/thesaurus_form.html", {"form": form, "entry": entry}
    )


@coordinator_required
def zero_results(request):
    rows = ZeroResultSearch.objects.select_related("basin").order_by("-month", "-count", "words")
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "directory/coordination/zero_results.html", {"page": page})
