using System.Globalization;
using CoalitionDashboard.ReadModel.Filtering;

namespace CoalitionDashboard.ReadModel;

/// <summary>
/// The curated data's licence and how to cite a view of it (the licence is stated in data/README.md): title, the data's
/// date, the address with its filter, and the day it was retrieved.
/// </summary>
public static class Citation
{
    public const string LicenceName = "CC BY 4.0";

    public const string LicenceUrl = "https://creativecommons.org/licenses/by/4.0/";

    /// <summary>"Coalition dashboard, "…title…" (data as of 23 Jun 2026, reviewed 2 Dec 2026), https://host/pledges?bloc=eu, retrieved 4 Dec 2026. CC BY 4.0."</summary>
    public static string For(ReferenceSnapshot reference, DashboardFilter filter, string address, DateOnly retrieved) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Coalition dashboard, \"{reference.Title}\" ({reference.Freshness(filter).ToLowerInvariant()[0]}{reference.Freshness(filter)[1..]}), {address}, retrieved {DateDisplay.Format(retrieved)}. {LicenceName}.");
}
