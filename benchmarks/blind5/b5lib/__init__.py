"""Fifth blind corpus of Clausier (sealed half only). Written without reading the tool."""
