using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Platform.Api.Configuration;

/// <summary>
/// Ends the process if a graceful shutdown overruns its budget. The host only cancels the token it hands to each
/// hosted service when <see cref="HostOptions.ShutdownTimeout"/> passes; a service that does not return then keeps
/// the process alive. Quartz's clustered scheduler does that while its database is gone: its scheduler thread keeps
/// retrying the job store and the scheduler's shutdown waits for that thread. An orchestrator would SIGKILL the pod
/// after its grace period anyway; this ends it sooner, at a known point, after saying why. Nothing is lost by it:
/// claimed outbox messages and Quartz triggers are recovered by another instance when their leases run out.
/// </summary>
internal sealed partial class ShutdownDeadline(IHostApplicationLifetime lifetime, IOptions<HostOptions> hostOptions, ILogger<ShutdownDeadline> logger) : IHostedService
{
    /// <summary>The grace beyond the host's own shutdown timeout before the process is ended.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    private CancellationTokenRegistration stopping;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        stopping = lifetime.ApplicationStopping.Register(() =>
        {
            var budget = hostOptions.Value.ShutdownTimeout + Grace;
            var timer = new Thread(() => EndIfStillRunning(budget)) { IsBackground = true, Name = "shutdown-deadline" };
            timer.Start();
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        stopping.Dispose();
        return Task.CompletedTask;
    }

    private void EndIfStillRunning(TimeSpan budget)
    {
        // The host stopped in time (the usual case, and every in-process test host): nothing to do.
        if (lifetime.ApplicationStopped.WaitHandle.WaitOne(budget))
        {
            return;
        }

        LogOverrun(budget.TotalSeconds);

        // Environment.Exit runs the process-exit handlers, and one of them may wait for the stuck host; if it has
        // not returned a second later, the process kills itself.
        var kill = new Thread(() =>
        {
            Thread.Sleep(TimeSpan.FromSeconds(1));
            Process.GetCurrentProcess().Kill();
        })
        { IsBackground = true, Name = "shutdown-kill" };
        kill.Start();
        Environment.Exit(0);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown did not finish within {Seconds:0} s (a background service is still stopping, typically Quartz retrying an unreachable database); ending the process. Unfinished work is recovered by another instance.")]
    private partial void LogOverrun(double seconds);
}
