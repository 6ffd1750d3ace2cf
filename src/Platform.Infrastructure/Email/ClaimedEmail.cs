namespace Platform.Infrastructure.Email;

/// <summary>One claimed message: sealed content, and whether its recipient was on the suppression list when it was claimed.</summary>
internal sealed record ClaimedEmail(Guid Id, string Template, string Recipient, string Subject, byte[]? Content, int Attempts, bool Suppressed);
