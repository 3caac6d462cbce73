using CoalitionDashboard.Data;

namespace CoalitionDashboard.Features.Api;

public sealed record SourceRef(string Id, string Outlet, string? Title, string? Date, string? Url, string? SeedFile, Reliability Reliability);

public sealed record RepresentativeDto(string? Name, bool NameConfirmed, string? Office, RepresentativeLevel Level, AttendanceFormat? Format, string? Note);

/// <summary>
/// A country's standing on a date, as every view shows it: its forces position on Ukrainian soil (offered, possible,
/// outside-ukraine, declined, none), its strongest commitment (a status slug, or null) and the pledges both rest on.
/// </summary>
public sealed record StandingDto(string AsOf, string ForcesInUkraine, string? StrongestCommitment, IReadOnlyList<string> Basis);

public sealed record CountryDto(
    string Iso3, string Name, bool Eu, bool Nato, bool G7, CoalitionRole Role, Attendance? Attendance, string? AttendanceNote,
    IReadOnlyList<RepresentativeDto> Representatives, string? Notes, string? Contested, int PledgeCount, IReadOnlyList<SourceRef> Sources,
    StandingDto? Standing = null);

public sealed record CountryDetailDto(CountryDto Country, IReadOnlyList<PledgeDto> Pledges, IReadOnlyList<QuoteDto> Quotes, IReadOnlyList<EventDto> Events);

public sealed record QuantityDto(string Text, double? Value, string? Unit);

public sealed record PledgeDto(
    string Id, string Title, string Description, bool CoalitionWide, IReadOnlyList<string> Countries, IReadOnlyList<string> Organisations,
    IReadOnlyList<PledgeCategory> Categories, PledgeStatus Status, string? StatusNote, TroopsPosition? Troops, string? Condition,
    QuantityDto? Quantity, string Date, string? DateNote, string? Speaker, string? Contested, IReadOnlyList<SourceRef> Sources,
    IReadOnlyList<PartyDto> Parties, IReadOnlyList<string> Supersedes, PartyRole? Role = null);

/// <summary>A party of a pledge (country code, organisation id or COALITION) and its role.</summary>
public sealed record PartyDto(string Id, PartyRole Role);

public sealed record EventDto(
    string Id, string Date, DateOnly Start, DateOnly? End, string Title, string Summary, EventKind Kind, bool IncludesCoalition,
    IReadOnlyList<string> Countries, IReadOnlyList<string> Organisations, string? PartiesNote, string? Contested, IReadOnlyList<SourceRef> Sources,
    EventStatus Status);

public sealed record QuoteDto(
    string Id, string Speaker, string? Office, string? Country, string? Organisation, string? Date, string Text, string? Original,
    bool Translated, bool Direct, string? Context, string Topic, string? Attribution, IReadOnlyList<SourceRef> Sources);

public sealed record OpenIssueDto(
    string Id, int Order, string Title, string Description, IReadOnlyList<string> Countries, IReadOnlyList<string> Organisations,
    IReadOnlyList<string> Pledges, IReadOnlyList<SourceRef> Sources);

public sealed record SourceDto(
    string Id, string Outlet, string? Title, string? Date, string? Url, string? SeedFile, Reliability Reliability, string? Language,
    string? Note, int RecordCount);

/// <summary>What every endpoint accepts: <c>asof</c> (what was on record that day) and <c>minReliability</c>.</summary>
public sealed record KnownFilter(DateOnly? AsOf, Reliability? MinReliability)
{
    public static readonly KnownFilter None = new(null, null);

    public ReadModel.Filtering.DashboardFilter ToFilter() =>
        ReadModel.Filtering.DashboardFilter.None.With(asOf: AsOf, minReliability: MinReliability);
}
