/** The member list as CSV: parsing rows and the diff against the current list (one rule for the page and the API). */
export {};
