using CoalitionDashboard.Data;

namespace CoalitionDashboard.Features.Export;

/// <summary>A CSV column as a reader's tool needs it: name, type (Frictionless Table Schema types), meaning, allowed values.</summary>
public sealed record ExportColumn(string Name, string Type, string Description, IReadOnlyList<string>? Values = null);

/// <summary>The columns of each CSV export, in file order: the header is written from here and /export/metadata.json describes them.</summary>
public static class ExportColumns
{
    internal const string ListNote = " (a list: items separated by \";\")";

    public static readonly IReadOnlyList<ExportColumn> Pledges =
    [
        new("id", "string", "The record's id (P01…)."),
        new("title", "string", "Short title of the pledge or position."),
        new("description", "string", "What was pledged or said, in the data's own words."),
        new("coalition_wide", "boolean", "TRUE where the coalition as a whole is bound (not one country)."),
        new("countries", "string", "ISO 3166-1 alpha-3 codes of the countries bound by it" + ListNote),
        new("country_names", "string", "Their names, in the same order" + ListNote),
        new("organisations", "string", "Organisations bound by it (EU, NATO, G7)" + ListNote),
        new("parties_roles", "string", "Every party named with its role, as party:role" + ListNote, Slug.All<PartyRole>().ToList()),
        new("categories", "string", "Categories, the main one first" + ListNote, Slug.All<PledgeCategory>().ToList()),
        new("status", "string", "How far it went.", Slug.All<PledgeStatus>().ToList()),
        new("status_note", "string", "What qualifies the status."),
        new("forces_in_ukraine", "string", "The position on forces on Ukrainian soil it states, if any.", Slug.All<TroopsPosition>().ToList()),
        new("condition", "string", "The condition it is made under."),
        new("quantity_text", "string", "The quantity as the sources give it (\"€90 bn\")."),
        new("quantity_value", "number", "The quantity's number, where the sources give one."),
        new("quantity_unit", "string", "The unit of quantity_value (troops, EUR bn…)."),
        new("date_start", "date", "The day it was made (ISO 8601), or the first day of the month or range the data gives."),
        new("date_end", "date", "The last day of that month or range; the same as date_start for a single day."),
        new("speaker", "string", "Who made it, where one person did."),
        new("contested", "string", "What is disputed about it, where something is."),
        new("supersedes", "string", "Ids of the earlier records of the same party it replaces" + ListNote),
        new("c_grade_sources_only", "boolean", "TRUE where every source is graded C (secondary; corroboration only)."),
        new("source_ids", "string", "Ids of its sources, strongest first" + ListNote),
        new("source_urls", "string", "Their web addresses, in the same order (empty for a source without one)" + ListNote),
    ];

    public static readonly IReadOnlyList<ExportColumn> Organisations =
    [
        new("id", "string", "The organisation's id (EU, NATO, G7)."),
        new("name", "string", "Its name."),
        new("attended", "boolean", "TRUE where it was represented at the Paris summit."),
        new("representatives", "string", "Who represented it" + ListNote),
    ];

    public static readonly IReadOnlyList<ExportColumn> Countries =
    [
        new("iso3", "string", "ISO 3166-1 alpha-3 code."),
        new("name", "string", "Short English name."),
        new("role", "string", "Its place in the coalition.", Slug.All<CoalitionRole>().ToList()),
        new("eu", "boolean", "An EU member state."),
        new("nato", "boolean", "A NATO member."),
        new("representative", "string", "Who represented it at the Paris summit (empty: not identified)."),
        new("name_confirmed", "boolean", "FALSE where the representative's name is inferred, not reported."),
        new("office", "string", "The representative's office."),
        new("level", "string", "The level of the representation.", Slug.All<RepresentativeLevel>().ToList()),
        new("attendance", "string", "How the attendance is known.", Slug.All<Attendance>().ToList()),
        new("pledges", "integer", "Pledges and positions it is bound by, under the filter."),
        new("strongest_commitment", "string", "The strongest status among them, on the view's date.", Slug.All<PledgeStatus>().ToList()),
        new("forces_in_ukraine", "string", "Its latest dated position on forces on Ukrainian soil, on the view's date."),
        new("standing_as_of", "date", "The day the standing is drawn for."),
        new("standing_basis", "string", "Ids of the records the standing rests on" + ListNote),
        new("categories", "string", "Categories of its pledges" + ListNote, Slug.All<PledgeCategory>().ToList()),
        new("contested", "string", "What is disputed about its place in the coalition."),
    ];
}
