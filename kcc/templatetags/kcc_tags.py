from django import template

register = template.Library()


@register.filter
def met_aria(field):
    """Render a form field's widget with its help text and errors tied to it."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_hulp")
    attrs = {}
    if field.errors:
        described_by.append(f"{field.auto_id}_fout")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.field.required:
        attrs["required"] = True
    return field.as_widget(attrs=attrs)
