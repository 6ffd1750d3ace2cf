using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// EF Core's side of <see cref="DatabaseCircuitBreaker"/>: a connection is not even tried while the circuit is open,
/// and a connection that fails to open opens it.
/// </summary>
internal sealed class CircuitBreakerConnectionInterceptor(DatabaseCircuitBreaker breaker) : DbConnectionInterceptor
{
    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        breaker.ThrowIfOpen();
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        breaker.ThrowIfOpen();
        return ValueTask.FromResult(result);
    }

    public override void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => breaker.ReportFailure(eventData.Exception);

    public override Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        breaker.ReportFailure(eventData.Exception);
        return Task.CompletedTask;
    }
}
