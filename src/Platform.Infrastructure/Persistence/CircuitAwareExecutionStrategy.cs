using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// Npgsql's retrying strategy, except that it stops retrying once <see cref="DatabaseCircuitBreaker"/> has opened:
/// retrying (and waiting between retries) against a database known to be down only delays the 503.
/// </summary>
internal sealed class CircuitAwareExecutionStrategy(ExecutionStrategyDependencies dependencies, int maxRetryCount, DatabaseCircuitBreaker breaker)
    : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount)
{
    protected override bool ShouldRetryOn(Exception? exception) => !breaker.IsOpen && base.ShouldRetryOn(exception);
}
