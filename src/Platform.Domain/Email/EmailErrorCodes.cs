namespace Platform.Domain.Email;

/// <summary>Every error code of the email feature. Every code is listed in docs/errors.md; a published code is never renamed.</summary>
public static class EmailErrorCodes
{
    public const string SuppressionNotFound = "email.suppression_not_found";
    public const string AlreadySuppressed = "email.already_suppressed";
    public const string ComplaintIsPermanent = "email.complaint_is_permanent";
}
