namespace CoalitionDashboard.Data.Entities;

/// <summary>A commitment, role or position of one or more countries, of the whole coalition or of an organisation.</summary>
public sealed class Pledge
{
    public required string Id { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public string? Condition { get; set; }
    public PledgeStatus Status { get; set; }
    public string? StatusNote { get; set; }
    public TroopsPosition? Troops { get; set; }
    public PledgeCategory MainCategory { get; set; }
    public string? QuantityText { get; set; }
    public double? QuantityValue { get; set; }
    public string? QuantityUnit { get; set; }
    public DateOnly DateStart { get; set; }
    public DateOnly? DateEnd { get; set; }
    public DatePrecision DatePrecision { get; set; }
    public required string DateText { get; set; }
    public string? DateNote { get; set; }
    public string? Speaker { get; set; }
    public string? Contested { get; set; }
    /// <summary>True for a pledge of the whole coalition ("COALITION" in the data files).</summary>
    public bool IsCoalitionWide { get; set; }
    public int SortOrder { get; set; }

    public List<PledgeCategoryLink> Categories { get; set; } = [];
    /// <summary>Every party named in the pledge with its role, in the order of the data file.</summary>
    public List<PledgeParty> Parties { get; set; } = [];
    /// <summary>The records this one replaces, for the parties they share, from this one's date.</summary>
    public List<PledgeSupersession> Supersedes { get; set; } = [];
    public List<Country> Countries { get; set; } = [];
    public List<Organisation> Organisations { get; set; } = [];
    public List<Source> Sources { get; set; } = [];
    public List<OpenIssue> OpenIssues { get; set; } = [];
}

public sealed class PledgeCategoryLink
{
    public required string PledgeId { get; set; }
    public PledgeCategory Category { get; set; }
    /// <summary>0 for the main category.</summary>
    public int Position { get; set; }
}

/// <summary>
/// One party of a pledge and its role: a country code, an organisation id or <c>COALITION</c>. The
/// <see cref="Pledge.Countries"/> and <see cref="Pledge.Organisations"/> links name the same parties for queries.
/// </summary>
public sealed class PledgeParty
{
    public required string PledgeId { get; set; }
    public required string Party { get; set; }
    public PartyRole Role { get; set; }
    public int Position { get; set; }
}

/// <summary>Pledge <see cref="PledgeId"/> supersedes pledge <see cref="SupersededId"/>.</summary>
public sealed class PledgeSupersession
{
    public required string PledgeId { get; set; }
    public required string SupersededId { get; set; }
}
