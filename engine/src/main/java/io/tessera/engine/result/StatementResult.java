package io.tessera.engine.result;

/** What one statement produced. */
public sealed interface StatementResult
        permits QueryResult, ExplainResult, DescribeResult, MessageResult, ListingResult {
}
