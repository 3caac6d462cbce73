using CoalitionDashboard.Data;

namespace CoalitionDashboard.ReadModel;

public sealed record PledgeRow(
    string Id, string Title, string Description, bool CoalitionWide, IReadOnlyList<string> Countries, IReadOnlyList<string> Organisations,
    IReadOnlyList<PledgeCategory> Categories, PledgeStatus Status, string? StatusNote, TroopsPosition? Troops, string? Condition,
    string? Quantity, DateOnly Date, string DateText, string? Speaker, string? Contested, IReadOnlyList<SourceLink> Sources,
    IReadOnlyList<PartyRef> Parties, IReadOnlyList<string> Supersedes,
    double? QuantityValue = null, string? QuantityUnit = null)
{
    public PledgeCategory MainCategory => Categories.Count > 0 ? Categories[0] : PledgeCategory.Other;

    /// <summary>True when every source is C-grade (corroboration only): shown wherever the record appears.</summary>
    public bool WeakEvidence => SourceLink.AllWeak(Sources);

    /// <summary>The role of a party (country code, organisation id or COALITION) in this pledge; null when it is not named.</summary>
    public PartyRole? RoleOf(string party) => Parties.FirstOrDefault(p => p.Party == party)?.Role;
}

/// <summary>A party of a pledge and its role.</summary>
public sealed record PartyRef(string Party, PartyRole Role);

public sealed record SourceLink(string Id, string Outlet, string? Url, Reliability Reliability)
{
    /// <summary>Whether a record rests only on C-grade sources.</summary>
    public static bool AllWeak(IReadOnlyList<SourceLink> sources) => sources.Count > 0 && sources.All(s => s.Reliability == Reliability.C);
}

/// <summary>
/// One country under the current filter: its pledge counts (narrowed by the filter) and its standing on the view's
/// date (<see cref="Standing"/>, computed in one place): the basis of the grid, the map and the charts.
/// </summary>
public sealed record CountryRow(
    string Iso3, string Name, bool Eu, bool Nato, bool G7, CoalitionRole Role, Attendance? Attendance,
    string? Representative, bool RepresentativeNameConfirmed, string? Office, RepresentativeLevel? Level,
    int Pledges, Standing Standing, IReadOnlyList<PledgeCategory> Categories,
    IReadOnlyDictionary<PledgeStatus, int> ByStatus, string? Contested)
{
    /// <summary>The strongest commitment of the country's standing.</summary>
    public PledgeStatus? StrongestStatus => Standing.StrongestCommitment;

    /// <summary>The forces position of the country's standing.</summary>
    public TroopsPosition? Troops => Standing.Forces;
}

/// <param name="Members">The member count of the view's date, as text ("35", "26", "not recorded").</param>
public sealed record Kpis(
    string Members, string MembersNote, int Leaders, int Pledges, int CoalitionWide, IReadOnlyDictionary<PledgeStatus, int> ByStatus,
    int OfferingForces, int ForcesPossible, int ForcesOutsideUkraine, int Declining);

public sealed record CountPoint(string Key, string Label, int Count);

/// <summary>The pledges a filter selects: how many, how many coalition-wide, how many of each status.</summary>
public sealed record PledgeStats(int Total, int CoalitionWide, IReadOnlyDictionary<PledgeStatus, int> ByStatus);

public sealed record CategoryStatusCount(PledgeCategory Category, PledgeStatus Status, int Count);

/// <summary>The columns the pledges grid sorts by.</summary>
public enum PledgeSort { Default, Id, Who, Title, Category, Status, Date }

public sealed record EventRow(
    string Id, DateOnly Start, DateOnly? End, string DateText, string Title, string Summary, EventKind Kind, bool IncludesCoalition,
    IReadOnlyList<string> Countries, IReadOnlyList<string> Organisations, string? PartiesNote, string? Contested, IReadOnlyList<SourceLink> Sources,
    EventStatus Status = EventStatus.Happened, string? Label = null)
{
    public bool WeakEvidence => SourceLink.AllWeak(Sources);
}

public sealed record QuoteRow(
    string Id, string Speaker, string? Office, string? Country, string? Organisation, DateOnly? Date, string? DateText, string Text,
    string? Original, bool Translated, bool Direct, string? Context, string Topic, string? Attribution, IReadOnlyList<SourceLink> Sources)
{
    public bool WeakEvidence => SourceLink.AllWeak(Sources);
}

public sealed record OpenIssueRow(
    string Id, int Order, string Title, string Description, IReadOnlyList<string> Countries, IReadOnlyList<string> Organisations,
    IReadOnlyList<string> Pledges, IReadOnlyList<SourceLink> Sources);

public sealed record RepresentativeRow(string? Name, bool NameConfirmed, string? Office, RepresentativeLevel Level, AttendanceFormat? Format, string? Note);

public sealed record CountryProfile(
    string Iso3, string Name, bool Eu, bool Nato, bool G7, CoalitionRole Role, Attendance? Attendance, string? AttendanceNote,
    string? Notes, string? Contested, IReadOnlyList<RepresentativeRow> Representatives, IReadOnlyList<SourceLink> Sources);

/// <summary>An organisation (EU, NATO, G7) as listed beside the countries.</summary>
public sealed record OrganisationRow(string Id, string Name, bool Attended, IReadOnlyList<string> Representatives);

public sealed record OrganisationProfile(
    string Id, string Name, bool Attended, string? Notes, IReadOnlyList<RepresentativeRow> Representatives, IReadOnlyList<SourceLink> Sources);
