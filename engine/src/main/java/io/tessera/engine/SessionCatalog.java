package io.tessera.engine;

import io.tessera.planner.bind.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A session's views and user functions, which live as long as the session. */
final class SessionCatalog implements Catalog {
    private final Map<String, View> views = new TreeMap<>();
    private final Map<String, Function> functions = new TreeMap<>();
    private volatile long chunkBytes;

    SessionCatalog(long chunkBytes) {
        this.chunkBytes = chunkBytes;
    }

    void chunkBytes(long value) {
        chunkBytes = value;
    }

    /**
     * Makes {@code view} the definition of its name while {@code check} runs, so the check sees the
     * view as it will be (a view that refers to itself fails it); keeps it only if the check passes.
     */
    synchronized void replaceViewChecked(View view, Runnable check) {
        View previous = views.put(view.name(), view);
        try {
            check.run();
        } catch (RuntimeException e) {
            if (previous == null) {
                views.remove(view.name());
            } else {
                views.put(view.name(), previous);
            }
            throw e;
        }
    }

    synchronized boolean dropView(String name) {
        return views.remove(name) != null;
    }

    synchronized void putFunction(Function function) {
        functions.put(function.name(), function);
    }

    synchronized List<View> views() {
        return new ArrayList<>(views.values());
    }

    synchronized List<Function> functions() {
        return new ArrayList<>(functions.values());
    }

    @Override
    public synchronized Optional<View> view(String name) {
        return Optional.ofNullable(views.get(name));
    }

    @Override
    public synchronized Optional<Function> function(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    @Override
    public synchronized List<String> viewNames() {
        return new ArrayList<>(views.keySet());
    }

    @Override
    public synchronized List<String> functionNames() {
        return new ArrayList<>(functions.keySet());
    }

    @Override
    public long chunkBytes() {
        return chunkBytes;
    }
}
