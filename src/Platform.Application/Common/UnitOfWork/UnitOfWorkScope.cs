using Microsoft.Extensions.Logging;

namespace Platform.Application.Common.UnitOfWork;

/// <summary>
/// The per-request state of the unit of work: the actions to run after the commit. Every attempt of the execution
/// strategy starts it afresh, so nothing one attempt registered survives into a retry.
/// </summary>
internal sealed partial class UnitOfWorkScope(ILogger<UnitOfWorkScope> logger) : IUnitOfWork
{
    private List<Action>? afterCommit;

    /// <summary>Whether an attempt is running (between <see cref="BeginAttempt"/> and the commit or the rollback).</summary>
    public bool InAttempt { get; private set; }

    public void AfterCommit(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!InAttempt)
        {
            throw new InvalidOperationException("After-commit actions can only be registered inside a command's transaction.");
        }

        (afterCommit ??= []).Add(action);
    }

    public void BeginAttempt()
    {
        afterCommit = null;
        InAttempt = true;
    }

    public void EndAttempt() => InAttempt = false;

    /// <summary>Runs the committed attempt's actions once; a failing action is logged and the rest still run.</summary>
    public void RunAfterCommit()
    {
        var actions = afterCommit;
        afterCommit = null;
        InAttempt = false;
        if (actions is null)
        {
            return;
        }

        foreach (var action in actions)
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                LogAfterCommitFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An after-commit action failed; the command itself committed")]
    private partial void LogAfterCommitFailed(Exception exception);
}
