using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Platform.Infrastructure.Persistence;

/// <summary>Thrown instead of trying the database while <see cref="DatabaseCircuitBreaker"/> is open; answered 503.</summary>
/// <remarks>
/// An <see cref="NpgsqlException"/>, so every place that already treats Npgsql failures as the database being away
/// (the fail-open rate-limit tiers, the listener, readiness) treats this one the same; not transient, so the execution
/// strategy does not retry it.
/// </remarks>
public sealed class DatabaseCircuitOpenException() : NpgsqlException("The database is unreachable (circuit open); not trying it.")
{
    public override bool IsTransient => false;
}
