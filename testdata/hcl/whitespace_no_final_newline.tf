locals {
	indented_with_tabs = true
		more = "tabs"
}



last = 1