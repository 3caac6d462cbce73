namespace CoalitionDashboard.Data.Entities;

/// <summary>Who represented a country or an organisation at the 6 January 2026 summit.</summary>
public sealed class Representative
{
    public int Id { get; set; }
    public string? CountryIso3 { get; set; }
    public string? OrganisationId { get; set; }
    /// <summary>Null when the representative was not identified by any source.</summary>
    public string? Name { get; set; }
    public bool NameConfirmed { get; set; } = true;
    public string? Office { get; set; }
    public RepresentativeLevel Level { get; set; }
    public AttendanceFormat? Format { get; set; }
    public string? Note { get; set; }
    public int SortOrder { get; set; }
}
