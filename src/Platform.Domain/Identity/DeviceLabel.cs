namespace Platform.Domain.Identity;

/// <summary>
/// A readable device label from a User-Agent string ("Firefox on Linux", "Safari on iOS"), for the session list
/// when the client names no device. Only the common browsers and systems are recognised; anything else is named by
/// its product token ("curl") or "Unknown device".
/// </summary>
public static class DeviceLabel
{
    public const string Unknown = "Unknown device";

    public static string FromUserAgent(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return Unknown;
        }

        var browser = Browser(userAgent);
        var system = OperatingSystem(userAgent);
        if (browser is not null && system is not null)
        {
            return $"{browser} on {system}";
        }

        if (browser is not null || system is not null)
        {
            return browser ?? system!;
        }

        var product = userAgent.Trim().Split([' ', '/'], 2)[0];
        return product.Length is > 0 and <= 40 && product.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? product
            : Unknown;
    }

    private static string? Browser(string ua)
    {
        // Order matters: Edge and Opera also claim Chrome, Chrome also claims Safari.
        if (Has(ua, "Edg/") || Has(ua, "EdgA/") || Has(ua, "EdgiOS/"))
        {
            return "Edge";
        }

        if (Has(ua, "OPR/") || Has(ua, "Opera"))
        {
            return "Opera";
        }

        if (Has(ua, "Firefox/") || Has(ua, "FxiOS/"))
        {
            return "Firefox";
        }

        if (Has(ua, "Chrome/") || Has(ua, "CriOS/") || Has(ua, "Chromium/"))
        {
            return "Chrome";
        }

        return Has(ua, "Safari/") && Has(ua, "Version/") ? "Safari" : null;
    }

    private static string? OperatingSystem(string ua)
    {
        if (Has(ua, "iPhone") || Has(ua, "iPad") || Has(ua, "iPod"))
        {
            return "iOS";
        }

        if (Has(ua, "Android"))
        {
            return "Android";
        }

        if (Has(ua, "Windows"))
        {
            return "Windows";
        }

        if (Has(ua, "Mac OS X") || Has(ua, "Macintosh"))
        {
            return "macOS";
        }

        if (Has(ua, "CrOS"))
        {
            return "ChromeOS";
        }

        return Has(ua, "Linux") ? "Linux" : null;
    }

    private static bool Has(string ua, string token) => ua.Contains(token, StringComparison.Ordinal);
}
