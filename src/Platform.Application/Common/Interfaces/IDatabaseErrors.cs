namespace Platform.Application.Common.Interfaces;

/// <summary>What a database failure means, without the application knowing the provider's error types.</summary>
public interface IDatabaseErrors
{
    /// <summary>The unique index (or constraint) a failed save violated, or null when it failed for another reason.</summary>
    string? ViolatedUniqueIndex(Exception exception);

    /// <summary>True when the database could not be reached or stopped answering (not a fault of the request).</summary>
    bool IsUnavailable(Exception exception);
}
