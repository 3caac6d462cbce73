using System.Globalization;
using CoalitionDashboard.Data;

namespace CoalitionDashboard.ReadModel;

/// <summary>How a <see cref="Standing"/> reads in words: the same phrases on the map, the grid, the profile and the slides.</summary>
public static class StandingText
{
    public static string Forces(Standing standing) =>
        standing.Forces is { } forces ? Vocabulary.Label(forces) : "No position on forces on record";

    public static string Commitment(Standing standing) =>
        standing.StrongestCommitment is { } status ? Vocabulary.Label(status) : "No commitment on record";

    /// <summary>A record's date as written, in words: "4 Sep 2025", "May 2025", "2025".</summary>
    public static string Date(PositionStep step) => step.DateText.Length switch
    {
        4 => step.Date.ToString("yyyy", CultureInfo.InvariantCulture),
        7 => step.Date.ToString("MMM yyyy", CultureInfo.InvariantCulture),
        _ => step.Date.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
    };

    /// <summary>How many steps of a history a hover or a slide line lists (the latest ones; the rest are counted).</summary>
    public const int StepsShown = 4;

    /// <summary>The country's latest forces positions in date order, the standing one last: "Sep 2025: … → 6 Jan 2026: …".</summary>
    public static string ForcesHistory(Standing standing)
    {
        var steps = standing.ForcesHistory;
        var shown = string.Join(" → ", steps.Skip(Math.Max(0, steps.Count - StepsShown)).Select(h => $"{Date(h)}: {h.Title}"));
        return steps.Count > StepsShown ? $"({steps.Count - StepsShown} earlier) → {shown}" : shown;
    }

    /// <summary>
    /// Who a pledge names, with the role where it is not plain "party": "Coalition-wide; United States (partner, named,
    /// not bound)". A partner named in a text is never shown as its signatory.
    /// </summary>
    public static string Parties(PledgeRow pledge, Func<string, string> nameOf) =>
        string.Join("; ", pledge.Parties.Select(p =>
            (p.Party == Data.Import.DataSetLoader.CoalitionCode ? "Coalition-wide" : nameOf(p.Party)) +
            p.Role switch
            {
                PartyRole.Party => "",
                PartyRole.Partner => " (partner: named, not bound)",
                _ => $" ({Vocabulary.Label(p.Role).ToLowerInvariant()})",
            }));

    /// <summary>
    /// "superseded by P24 for Italy" where the pledge no longer stands for one of the countries bound by it (on the
    /// standings' date); null where it stands for all of them.
    /// </summary>
    public static string? Superseded(PledgeRow pledge, IReadOnlyDictionary<string, Standing> standings, Func<string, string> nameOf)
    {
        var notes = pledge.Parties
            .Where(p => PartyRoles.IsBound(p.Role) && standings.ContainsKey(p.Party))
            .Select(p => (p.Party, By: standings[p.Party].History.FirstOrDefault(h => h.PledgeId == pledge.Id)?.SupersededBy))
            .Where(x => x.By is not null)
            .GroupBy(x => x.By!)
            .Select(g => $"superseded by {g.Key} for {string.Join(", ", g.Select(x => nameOf(x.Party)))}")
            .ToList();
        return notes.Count == 0 ? null : string.Join("; ", notes);
    }

    /// <summary>Short lines for a hover or a slide: the basis, the forces history where it changed, unconfirmed reports.</summary>
    public static IReadOnlyList<string> Lines(Standing standing)
    {
        var lines = new List<string>();
        if (standing.Basis.Count > 0)
        {
            lines.Add($"As of {standing.AsOf.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}, from " +
                string.Join(", ", standing.Basis.Take(StepsShown)) + (standing.Basis.Count > StepsShown ? $" and {standing.Basis.Count - StepsShown} more" : ""));
        }
        if (standing.ForcesHistory.Count > 1)
        {
            lines.Add("Forces: " + ForcesHistory(standing));
        }
        var unconfirmed = standing.Unconfirmed;
        foreach (var step in unconfirmed.Take(StepsShown))
        {
            lines.Add($"Also {Vocabulary.Label(step.Status).ToLowerInvariant()}: {step.Title}");
        }
        if (unconfirmed.Count > StepsShown)
        {
            lines.Add($"… and {unconfirmed.Count - StepsShown} more unconfirmed");
        }
        return lines;
    }
}
