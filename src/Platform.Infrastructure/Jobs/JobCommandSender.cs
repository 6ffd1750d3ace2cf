using MediatR;
using Microsoft.Extensions.Logging;
using Platform.Infrastructure.Persistence;
using Quartz;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// How a job sends its command. A database outage is expected, not a job failure: the run logs one Warning without a
/// stack trace and ends, and the trigger's next firing (here or on another member) does the work. Quartz would
/// otherwise log two Error lines with the stack trace per job per firing. Being interrupted by shutdown ends the run
/// quietly too. Anything else still fails the job as before.
/// </summary>
public sealed partial class JobCommandSender(IMediator mediator, Observability.OperationalMetrics metrics, ILogger<JobCommandSender> logger)
{
    public async ValueTask SendAsync<TResponse>(IJobExecutionContext context, IRequest<TResponse> command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var job = context.JobDetail.Key.Name;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            await mediator.Send(command, cancellationToken);
            outcome = "succeeded";
        }
        catch (Exception ex) when (PostgresDatabaseErrors.IsDatabaseUnavailable(ex))
        {
            outcome = "skipped";
            LogDatabaseUnavailable(context.JobDetail.Key.ToString(), ex.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = "skipped";
            LogInterrupted(context.JobDetail.Key.ToString());
        }
        finally
        {
            metrics.JobRan(job, outcome, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} skipped this run: the database is unavailable ({Reason})")]
    private partial void LogDatabaseUnavailable(string job, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} interrupted by shutdown; its next run does the work")]
    private partial void LogInterrupted(string job);
}
