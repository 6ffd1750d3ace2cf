using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Platform.Application.Common.Interfaces;

namespace Platform.Infrastructure.Persistence;

/// <summary>PostgreSQL's answers, read through Npgsql's exception types.</summary>
internal sealed class PostgresDatabaseErrors : IDatabaseErrors
{
    public string? ViolatedUniqueIndex(Exception exception) =>
        Find<PostgresException>(exception) is { SqlState: PostgresErrorCodes.UniqueViolation } pg ? pg.ConstraintName : null;

    public bool IsUnavailable(Exception exception) => IsDatabaseUnavailable(exception);

    /// <summary>
    /// A connection that could not be opened or broke, a timeout, a server shutting down, retries that ran out on
    /// such failures, or the circuit breaker refusing to try (ADR 0028): the database is not answering, which is no
    /// fault of the request.
    /// </summary>
    public static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RetryLimitExceededException:
                case DatabaseCircuitOpenException:
                case Application.Common.UnitOfWork.CommitOutcomeUnknownException:
                case SocketException:
                case NpgsqlException { IsTransient: true }:
                case NpgsqlException { InnerException: SocketException or TimeoutException or IOException }:
                case PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.CrashShutdown }:
                    return true;
            }
        }

        return false;
    }

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }
}
