using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CoalitionDashboard.Infrastructure;

/// <summary>What the store check found: whether the app serves a data set, and one line saying what it serves or what is wrong.</summary>
public sealed class DataReadiness
{
    private volatile State _state = new(false, "the database has not been prepared yet", Usable: true);

    private sealed record State(bool Ready, string Description, bool Usable);

    public bool IsReady => _state.Ready;

    public string Description => _state.Description;

    /// <summary>False when the store cannot be read at all (no tables it can use): pages then answer 503 with <see cref="Description"/>.</summary>
    public bool IsUsable => _state.Usable;

    public void Report(bool ready, string description, bool usable = true) => _state = new State(ready, description, usable || ready);
}

/// <summary>Runs the store's preparation before the server starts listening (it never stops the app from starting), then checks the store every few seconds.</summary>
public sealed class DatabaseInitializer(DatabaseMaintenance maintenance, IOptions<StoreCheckOptions> options) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await maintenance.PrepareAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.IntervalSeconds <= 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IntervalSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await maintenance.CheckAsync(stoppingToken);
        }
    }
}

/// <summary><c>StoreCheck:IntervalSeconds</c>: how often the running app looks at the database file (0: only when <c>/healthz</c> asks).</summary>
public sealed class StoreCheckOptions
{
    public const string SectionName = "StoreCheck";

    public int IntervalSeconds { get; set; } = 5;
}

/// <summary><c>/healthz</c>: looks at the real store each time (tables, the data generation it holds), not at a flag set at start-up.</summary>
public sealed class DatabaseHealthCheck(DatabaseMaintenance maintenance, DataReadiness readiness) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await maintenance.CheckAsync(cancellationToken);
        return readiness.IsReady ? HealthCheckResult.Healthy(readiness.Description) : HealthCheckResult.Unhealthy(readiness.Description);
    }
}
