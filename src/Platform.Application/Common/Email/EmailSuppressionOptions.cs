namespace Platform.Application.Common.Email;

/// <summary>Section <c>Email:Suppression</c>: when soft bounces suppress an address.</summary>
public sealed class EmailSuppressionOptions
{
    /// <summary>Soft bounces of one address within <see cref="SoftBounceWindowHours"/> that suppress it. Default 3.</summary>
    public int SoftBounceLimit { get; set; } = 3;

    /// <summary>The window soft bounces are counted in, in hours. Default 72.</summary>
    public int SoftBounceWindowHours { get; set; } = 72;

    public TimeSpan SoftBounceWindow => TimeSpan.FromHours(SoftBounceWindowHours);

    public IEnumerable<string> Problems()
    {
        if (SoftBounceLimit is < 1 or > 100)
        {
            yield return "Email:Suppression:SoftBounceLimit must be 1 to 100.";
        }

        if (SoftBounceWindowHours is < 1 or > 24 * 90)
        {
            yield return "Email:Suppression:SoftBounceWindowHours must be 1 to 2160 (90 days).";
        }
    }
}
