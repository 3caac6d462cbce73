namespace CoalitionDashboard.ReadModel.Filtering;

/// <summary>When the data counts as stale: its last review (<c>reviewedOn</c>) older than this many days.</summary>
public sealed class FreshnessOptions
{
    public const string SectionName = "Freshness";

    public int StaleAfterDays { get; set; } = 30;
}

/// <summary>Whether the data's last review is older than the configured limit, on today's date.</summary>
public sealed class FreshnessCheck(Microsoft.Extensions.Options.IOptions<FreshnessOptions> options, TimeProvider time)
{
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>The banner's text when the data is stale (null when it is fresh or has no review date).</summary>
    public string? StaleWarning(ReferenceSnapshot reference)
    {
        if (reference.ReviewAgeDays(Today) is not { } days || days <= options.Value.StaleAfterDays)
        {
            return null;
        }
        return $"These data were last reviewed {days} days ago ({ReferenceSnapshot.Day(reference.ReviewedOn)}); the latest fact covered is of " +
            $"{ReferenceSnapshot.Day(reference.AsOf)}. Positions may have changed since: check the sources before you brief.";
    }
}
