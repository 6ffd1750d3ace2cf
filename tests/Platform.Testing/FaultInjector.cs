using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Platform.Testing;

/// <summary>
/// A test-only EF interceptor that makes the next commits fail at a chosen point, the way a real network or server
/// fault would. Register it as an <see cref="IInterceptor"/> service (the DbContext picks up every one) and arm it
/// just before the command under test.
/// </summary>
public sealed class FaultInjector(NpgsqlDataSource adminSource) : DbTransactionInterceptor
{
    private readonly Lock gate = new();
    private Fault armed;
    private int remaining;

    public enum Fault
    {
        None,

        /// <summary>The COMMIT never reaches the server: it fails with a transient error and the transaction rolls back.</summary>
        FailBeforeCommit,

        /// <summary>The COMMIT succeeds but its acknowledgement is lost: the caller sees a transient error anyway.</summary>
        LoseCommitAcknowledgement,

        /// <summary>The connection's backend is terminated just before COMMIT is sent: a real broken connection.</summary>
        KillConnectionBeforeCommit,
    }

    /// <summary>How many commits the injector has broken so far.</summary>
    public int Injected { get; private set; }

    public void Arm(Fault fault, int times = 1)
    {
        lock (gate)
        {
            armed = fault;
            remaining = times;
        }
    }

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        switch (Take(Fault.FailBeforeCommit, Fault.KillConnectionBeforeCommit))
        {
            case Fault.FailBeforeCommit:
                throw Transient("commit failed before it reached the server");
            case Fault.KillConnectionBeforeCommit:
                var pid = ((NpgsqlConnection)transaction.Connection!).ProcessID;
                await using (var kill = adminSource.CreateCommand("SELECT pg_terminate_backend($1, 5000)"))
                {
                    kill.Parameters.AddWithValue(pid);
                    await kill.ExecuteScalarAsync(cancellationToken);
                }

                break;
        }

        return result;
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Take(Fault.LoseCommitAcknowledgement) == Fault.LoseCommitAcknowledgement
            ? throw Transient("the commit's acknowledgement was lost")
            : Task.CompletedTask;

    private Fault Take(params Fault[] wanted)
    {
        lock (gate)
        {
            if (remaining <= 0 || !wanted.Contains(armed))
            {
                return Fault.None;
            }

            remaining--;
            Injected++;
            return armed;
        }
    }

    /// <summary>What Npgsql throws when the network fails: transient, so the execution strategy acts on it.</summary>
    private static NpgsqlException Transient(string what) => new($"Injected fault: {what}.", new TimeoutException(what));
}
