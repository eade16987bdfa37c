using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Cli;

/// <summary>Console logging for the operator: human text, or one JSON object per line for clusters.</summary>
public static class OperatorLogging
{
    public static ILoggerFactory Create(string format, string level)
    {
        var minimum = Enum.TryParse<LogLevel>(level, ignoreCase: true, out var parsed) ? parsed : LogLevel.Information;
        return LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(minimum);
            // The HTTP stack is chatty at Information; its warnings still come through.
            builder.AddFilter("Microsoft", LogLevel.Warning);
            builder.AddFilter("System.Net.Http", LogLevel.Warning);
            if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
            {
                builder.AddJsonConsole(o => o.IncludeScopes = true);
            }
            else
            {
                builder.AddSimpleConsole(o =>
                {
                    o.IncludeScopes = true;
                    o.SingleLine = true;
                    o.TimestampFormat = "HH:mm:ss.fff ";
                });
            }
        });
    }
}
