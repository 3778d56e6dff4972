import { useEffect, useState } from 'react';

/**
 * What a search box asks the server for: the typed text, trimmed, once typing pauses (one request per pause, not
 * per key). Returns the term and the setter for the box's input.
 */
export function useSearchTerm(pauseMs = 300): [string, (typed: string) => void] {
  const [typed, setTyped] = useState('');
  const [term, setTerm] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setTerm(typed.trim()), pauseMs);
    return () => clearTimeout(timer);
  }, [typed, pauseMs]);
  return [term, setTyped];
}
