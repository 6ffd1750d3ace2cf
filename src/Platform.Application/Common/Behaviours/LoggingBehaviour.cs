using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Common.Behaviours;

/// <summary>
/// Outermost behaviour: logs the request name, user, duration and outcome, and records them as metrics.
/// Never logs the payload, which may hold passwords, tokens and personal data. Inside an HTTP request the request
/// line already says how it ended (status and error code), so a handled request is logged at Debug there: one
/// Information line per HTTP request. A command sent by a job has no request line, so its own line is Information.
/// </summary>
internal sealed partial class LoggingBehaviour<TRequest, TResponse>(
    ILogger<LoggingBehaviour<TRequest, TResponse>> logger,
    ICurrentUser currentUser,
    IRequestContext requestContext,
    IDatabaseErrors databaseErrors,
    ApplicationMetrics metrics) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var name = typeof(TRequest).Name;
        var started = Stopwatch.GetTimestamp();
        var outcome = "succeeded";
        try
        {
            return await next();
        }
        catch (AppException ex)
        {
            outcome = ex.Code;
            throw;
        }
        catch (Domain.Common.DomainException ex)
        {
            outcome = ex.Code;
            throw;
        }
        catch (Exception ex) when (databaseErrors.IsUnavailable(ex))
        {
            // Mapped to 503 dependency.unavailable and logged once there as a warning: not an unexpected failure.
            outcome = "dependency.unavailable";
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller went away (a client that closed its connection, a stopping host): not a failure of ours.
            outcome = "cancelled";
            throw;
        }
        catch (Exception)
        {
            outcome = "error";
            throw;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            metrics.RecordRequest(name, outcome, elapsed);
            if (outcome == "error")
            {
                LogFailed(name, currentUser.UserId, elapsed.TotalMilliseconds);
            }
            else if (requestContext.RequestId is null)
            {
                LogHandled(name, currentUser.UserId, outcome, elapsed.TotalMilliseconds);
            }
            else
            {
                LogHandledInRequest(name, currentUser.UserId, outcome, elapsed.TotalMilliseconds);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handled {RequestName} for {UserId}: {Outcome} in {ElapsedMs:0.0} ms")]
    private partial void LogHandled(string requestName, Guid? userId, string outcome, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled {RequestName} for {UserId}: {Outcome} in {ElapsedMs:0.0} ms")]
    private partial void LogHandledInRequest(string requestName, Guid? userId, string outcome, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "{RequestName} for {UserId} failed unexpectedly after {ElapsedMs:0.0} ms")]
    private partial void LogFailed(string requestName, Guid? userId, double elapsedMs);
}
