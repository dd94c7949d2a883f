# nothing here but comments
// and more
/* and a block
   comment */
