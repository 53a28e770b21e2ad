using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Ceseda.Workflows.Tests.Runtime;

/// <summary>Keeps every log entry of one category (the job whose class name ends it): the rendered
/// message and the structured fields.</summary>
internal sealed class LogSink(string category) : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName.EndsWith(category, StringComparison.Ordinal));

    public void Dispose()
    {
    }

    private sealed class Logger(LogSink sink, bool kept) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => kept;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (kept && state is IReadOnlyList<KeyValuePair<string, object?>> fields)
            {
                sink.Entries.Enqueue(new LogEntry(formatter(state, exception), fields.ToDictionary(f => f.Key, f => f.Value)));
            }
        }
    }
}

/// <summary>A log entry: its rendered message and its structured fields, also read by name.</summary>
internal sealed record LogEntry(string Message, IReadOnlyDictionary<string, object?> Fields)
{
    public object? this[string field] => Fields[field];
}
