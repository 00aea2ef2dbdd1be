namespace Complaints.Api.Documents;

/// <summary>
/// A printable form as the annexes lay it out: a title, the case number, an optional letter text,
/// a bordered table of label/value cells, notes and a signature block. The HTML and PDF renderings
/// both draw this, so the two never disagree on what a form says.
/// </summary>
internal sealed record FormSheet(
    string Annex,
    string Title,
    string TrackingNumber,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<FormRow> Rows,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Signature);

/// <summary>One label and its value; a value may run over several lines.</summary>
internal sealed record FormCell(string Label, string Value);

/// <summary>
/// A table row of one cell (its value spans the width), two cells side by side, or a section heading
/// (<see cref="Heading"/> set, no cells).
/// </summary>
internal sealed record FormRow(string? Heading, IReadOnlyList<FormCell> Cells)
{
    public static FormRow Section(string heading) => new(heading, []);

    public static FormRow One(string label, string? value) => new(null, [new FormCell(label, value.OrDash())]);

    public static FormRow Two(string label, string? value, string label2, string? value2) =>
        new(null, [new FormCell(label, value.OrDash()), new FormCell(label2, value2.OrDash())]);
}

/// <summary>Builds a sheet's rows in reading order.</summary>
internal sealed class FormRows
{
    private readonly List<FormRow> _rows = [];

    public IReadOnlyList<FormRow> Rows => _rows;

    public FormRows Section(string heading) => Add(FormRow.Section(heading));

    public FormRows One(string label, string? value) => Add(FormRow.One(label, value));

    public FormRows Two(string label, string? value, string label2, string? value2) => Add(FormRow.Two(label, value, label2, value2));

    public FormRows Add(FormRow row)
    {
        _rows.Add(row);
        return this;
    }
}
