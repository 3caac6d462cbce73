using System.Collections.Frozen;
using System.Text.Json;

namespace CoalitionDashboard.Data;

public enum CoalitionRole { Member, Partner, NonMember }

public enum Attendance { Confirmed, Listed, Unconfirmed }

public enum RepresentativeLevel { Leader, Minister, AmbassadorEnvoy, Official }

public enum AttendanceFormat { InPerson, ReportedPresent, PreAnnounced, Video }

public enum Reliability { A, B, C }

/// <summary>Pledge categories; the data files use the kebab-case slugs (<c>ground-forces</c>).</summary>
public enum PledgeCategory
{
    GroundForces,
    Air,
    Maritime,
    MonitoringVerification,
    MilitaryHubs,
    TrainingRegeneration,
    FinancingWeapons,
    Reconstruction,
    CoordinationCommand,
    PoliticalLegal,
    Other,
}

/// <summary>Commitment statuses, strongest first: the declaration order is the strength order.</summary>
public enum PledgeStatus
{
    SignedDeclarationOfIntent,
    AdoptedJointDeclaration,
    Announced,
    ConditionalOffer,
    Undecided,
    Statement,
    Reported,
    Draft,
    Declined,
    DroppedFromDraft,
}

/// <summary>What a pledge says about forces on Ukrainian soil.</summary>
public enum TroopsPosition { Offered, Possible, OutsideUkraine, Declined }

public enum EventKind { War, Summit, VirtualMeeting, Ministerial, Negotiations, Statement }

/// <summary>How far an event is known to have taken place (the fact sheets' labels).</summary>
public enum EventStatus
{
    /// <summary>Reported as having taken place.</summary>
    Happened,
    /// <summary>Scheduled or declared; no report of the outcome was found.</summary>
    Announced,
    /// <summary>A claim made by one party or by anonymous sources.</summary>
    Reported,
    /// <summary>The parties contradict each other.</summary>
    Contested,
    /// <summary>Only C-grade sources carry it.</summary>
    Unverified,
}

/// <summary>A party's relation to a pledge. Only <see cref="PartyRoles.IsBound"/> roles commit the party.</summary>
public enum PartyRole
{
    /// <summary>Leads it (and so is bound by it).</summary>
    Lead,
    /// <summary>Commits to it: signed or endorsed it.</summary>
    Party,
    /// <summary>Contributes capabilities to what another party leads.</summary>
    Contributor,
    /// <summary>Named in it, not bound by it (the United States in the Paris Declaration).</summary>
    Partner,
    /// <summary>It happens on this party's territory: the host agrees to it, but offers no forces by it.</summary>
    Host,
}

public static class PartyRoles
{
    /// <summary>Whether the role commits the party: a country's commitments are derived only from these.</summary>
    public static bool IsBound(PartyRole role) => role is not PartyRole.Partner;

    /// <summary>Whether the party's forces position counts by this role (a host offers no forces to itself).</summary>
    public static bool SpeaksForForces(PartyRole role) => role is PartyRole.Lead or PartyRole.Party or PartyRole.Contributor;
}

public enum DatePrecision { Day, Month, Year }

/// <summary>Maps vocabulary enums to the kebab-case slugs used in data files, URLs and the JSON API.</summary>
public static class Slug
{
    public static readonly JsonNamingPolicy Policy = JsonNamingPolicy.KebabCaseLower;

    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Cache<TEnum>.ToSlug[value];

    public static bool TryParse<TEnum>(string? slug, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        return slug is not null && Cache<TEnum>.FromSlug.TryGetValue(slug, out value);
    }

    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum => Cache<TEnum>.Slugs;

    private static class Cache<TEnum> where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ToSlug =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => typeof(TEnum) == typeof(Reliability) ? v.ToString() : Policy.ConvertName(v.ToString()));

        public static readonly FrozenDictionary<string, TEnum> FromSlug =
            ToSlug.ToFrozenDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

        public static readonly IReadOnlyList<string> Slugs = Enum.GetValues<TEnum>().Select(v => ToSlug[v]).ToArray();
    }
}
