namespace Platform.Application.Common.UnitOfWork;

/// <summary>The command's unit of work, as in-transaction code sees it.</summary>
public interface IUnitOfWork
{
    /// <summary>
    /// Runs <paramref name="action"/> once the command's transaction has committed, and never when it rolls back or
    /// is retried (a retried attempt registers its own). For in-process effects only, such as dropping a cache: it
    /// must be quick and must not fail (a failure is logged, the command has already succeeded).
    /// </summary>
    void AfterCommit(Action action);
}
