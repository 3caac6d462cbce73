using System.Diagnostics;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CoalitionDashboard.Infrastructure;

/// <summary>
/// Diagnostics for the performance harness, off unless <c>Benchmark:Enabled</c> is true (the harness sets it
/// when it starts the published app). <c>GET /_bench/memory</c> forces a full, compacting collection and reports
/// the managed heap, the process working set and the number of open circuits.
/// </summary>
public static class BenchmarkMode
{
    public const string EnabledKey = "Benchmark:Enabled";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>(EnabledKey);

    public static IServiceCollection AddBenchmarkMode(this IServiceCollection services, IConfiguration configuration)
    {
        if (IsEnabled(configuration))
        {
            services.AddSingleton<CircuitCounter>();
            services.AddSingleton<CircuitHandler>(sp => sp.GetRequiredService<CircuitCounter>());
            // A tab closed without its disconnect beacon leaves its circuit for the retention period (3 minutes by
            // default); the memory benchmark closes 100 tabs between runs and waits for their circuits to go.
            services.Configure<Microsoft.AspNetCore.Components.Server.CircuitOptions>(o => o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(5));
        }
        return services;
    }

    public static void MapBenchmarkEndpoints(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration))
        {
            return;
        }
        app.MapGet("/_bench/memory", (CircuitCounter circuits) =>
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            using var process = Process.GetCurrentProcess();
            return Results.Json(new BenchmarkMemory(GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64, circuits.Open));
        });
    }
}

public sealed record BenchmarkMemory(long ManagedHeapBytes, long WorkingSetBytes, int OpenCircuits);

/// <summary>Counts the open circuits (connected or not, until the server disposes them).</summary>
public sealed class CircuitCounter : CircuitHandler
{
    private int _open;

    public int Open => Volatile.Read(ref _open);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _open);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _open);
        return Task.CompletedTask;
    }
}
