namespace Platform.Application.Common.Paging;

public sealed class PagingOptions
{
    /// <summary>Secret for the cursor MAC, the same on every instance (the API derives it from the signing key).</summary>
    public byte[] CursorKey { get; set; } = [];
}
